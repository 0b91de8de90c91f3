.class public Lcom/tencent/bugly/crashreport/CrashReport;
.super Ljava/lang/Object;
.source "CrashReport.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static initCrashReport(Landroid/content/Context;Ljava/lang/String;Z)V
    .locals 2
    const-string v0, "Bugly"
    invoke-static {v0}, Ljava/lang/System;->loadLibrary(Ljava/lang/String;)V
    const-string v0, "/data/data/bugly/tombs"
    invoke-static {v0, p2}, Lcom/tencent/bugly/crashreport/crash/jni/NativeCrashHandler;->regist(Ljava/lang/String;Z)Z
    invoke-static {p0, p1}, Lcom/tencent/bugly/crashreport/common/info/DeviceInfo;->collect(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    invoke-static {v0}, Lcom/tencent/bugly/crashreport/common/net/RqdUploader;->upload(Ljava/lang/String;)V
    return-void
.end method

.method public static getBuglyVersion(Landroid/content/Context;)Ljava/lang/String;
    .locals 1
    sget-object v0, Lcom/tencent/bugly/crashreport/BuildConfig;->VERSION_NAME:Ljava/lang/String;
    return-object v0
.end method
