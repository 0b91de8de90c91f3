.class public final Lcn/jiguang/internal/JCoreNative;
.super Ljava/lang/Object;
.source "SourceFile"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static native nativeInit(Landroid/content/Context;)V
.end method

.method public static native getDeviceFingerprint(Landroid/content/Context;)Ljava/lang/String;
.end method
