.class public Lcom/mob/MobSDK;
.super Ljava/lang/Object;
.source "MobSDK.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method
