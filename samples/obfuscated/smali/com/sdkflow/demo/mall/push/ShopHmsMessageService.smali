.class public Lcom/sdkflow/demo/mall/push/ShopHmsMessageService;
.super Lcom/huawei/hms/push/HmsMessageService;
.source "SourceFile"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Lcom/huawei/hms/push/HmsMessageService;-><init>()V
    return-void
.end method

.method public onNewToken(Ljava/lang/String;)V
    .locals 0
    invoke-static {p1}, Lcom/sdkflow/demo/mall/c;->b(Ljava/lang/String;)V
    return-void
.end method

.method public onMessageReceived(Lcom/huawei/hms/a/c;)V
    .locals 0
    return-void
.end method
