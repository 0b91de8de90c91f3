.class public Lcn/sharesdk/tencent/qq/ReceiveActivity;
.super Landroid/app/Activity;
.source "ReceiveActivity.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method
