.class public Lcom/sdkflow/demo/shop/push/ShopJPushReceiver;
.super Lcn/jpush/android/service/JPushMessageReceiver;
.source "ShopJPushReceiver.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Lcn/jpush/android/service/JPushMessageReceiver;-><init>()V
    return-void
.end method

.method public onMessage(Landroid/content/Context;Lcn/jpush/android/api/CustomMessage;)V
    .locals 2
    const-string v0, "ShopPush"
    iget-object v1, p2, Lcn/jpush/android/api/CustomMessage;->message:Ljava/lang/String;
    invoke-static {v0, v1}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I
    return-void
.end method

.method public onRegister(Landroid/content/Context;Ljava/lang/String;)V
    .locals 0
    invoke-static {p2}, Lcom/sdkflow/demo/shop/net/ShopApi;->uploadPushToken(Ljava/lang/String;)V
    return-void
.end method
