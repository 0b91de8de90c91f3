.class public Lcom/sina/weibo/sdk/sdkflowtool/SignatureActivity;
.super Landroid/app/Activity;
.source "SignatureActivity.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method
