.class public Lcom/tencent/bugly/crashreport/crash/jni/NativeCrashHandler;
.super Ljava/lang/Object;
.source "NativeCrashHandler.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static native regist(Ljava/lang/String;Z)Z
.end method

.method public static native setNativeInfo(ILjava/lang/String;)Z
.end method
