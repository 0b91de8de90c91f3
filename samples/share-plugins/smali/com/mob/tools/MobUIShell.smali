.class public Lcom/mob/tools/MobUIShell;
.super Landroid/app/Activity;
.source "MobUIShell.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method
