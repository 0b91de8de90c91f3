.class public final Lcom/sdkflow/demo/mall/security/Guard;
.super Ljava/lang/Object;
.source "SourceFile"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static load()V
    .locals 1
    const-string v0, "shopguard"
    invoke-static {v0}, Ljava/lang/System;->loadLibrary(Ljava/lang/String;)V
    return-void
.end method

.method public static native sign(Ljava/lang/String;J)Ljava/lang/String;
.end method

.method public static native checkEnvironment(Landroid/content/Context;)Z
.end method
