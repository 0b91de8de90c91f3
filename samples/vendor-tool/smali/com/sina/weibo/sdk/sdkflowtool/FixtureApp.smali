.class public Lcom/sina/weibo/sdk/sdkflowtool/FixtureApp;
.super Landroid/app/Application;
.source "FixtureApp.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Application;-><init>()V
    return-void
.end method
