.class public abstract Lcom/sdkflow/sample/flows/ReflBase;
.super Ljava/lang/Object;
.source "ReflBase.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public abstract leak(Landroid/content/Context;)V
.end method
