.class public Lcom/sdkflow/sample/basic/SettingsActivity;
.super Landroid/app/Activity;
.source "SettingsActivity.java"

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method
