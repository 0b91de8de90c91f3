.class public Lcn/jpush/android/service/JNotifyActivity;
.super Landroid/app/Activity;
.source "JNotifyActivity.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method
