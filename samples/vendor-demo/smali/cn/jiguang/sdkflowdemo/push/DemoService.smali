.class public Lcn/jiguang/sdkflowdemo/push/DemoService;
.super Landroid/app/Service;
.source "DemoService.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Service;-><init>()V
    return-void
.end method

.method public onBind(Landroid/content/Intent;)Landroid/os/IBinder;
    .locals 1
    const/4 v0, 0x0
    return-object v0
.end method
