.class public Lcom/tencent/bugly/crashreport/CrashReport;
.super Ljava/lang/Object;
.source "CrashReport.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static server()Ljava/lang/String;
    .locals 1
    const-string v0, "https://android.bugly.qq.com/rqd/async"
    return-object v0
.end method
