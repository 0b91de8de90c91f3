.class public final Lcom/tencent/bugly/crashreport/BuildConfig;
.super Ljava/lang/Object;
.source "BuildConfig.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.field public static final VERSION_NAME:Ljava/lang/String; = "4.1.9.3"
