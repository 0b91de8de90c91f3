.class public Lcom/sdkflow/demo/shop/ui/CheckoutActivity;
.super Landroid/app/Activity;
.source "Checkout.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .locals 2
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    new-instance v0, Landroid/view/View;
    invoke-direct {v0, p0}, Landroid/view/View;-><init>(Landroid/content/Context;)V
    new-instance v1, Lcom/sdkflow/demo/shop/ui/CheckoutActivity$1;
    invoke-direct {v1, p0}, Lcom/sdkflow/demo/shop/ui/CheckoutActivity$1;-><init>(Lcom/sdkflow/demo/shop/ui/CheckoutActivity;)V
    invoke-virtual {v0, v1}, Landroid/view/View;->setOnClickListener(Landroid/view/View$OnClickListener;)V
    invoke-virtual {p0, v0}, Landroid/app/Activity;->setContentView(Landroid/view/View;)V
    return-void
.end method

.method payWithAlipay(Ljava/lang/String;)V
    .locals 2
    new-instance v0, Lcom/alipay/sdk/app/PayTask;
    invoke-direct {v0, p0}, Lcom/alipay/sdk/app/PayTask;-><init>(Landroid/app/Activity;)V
    const/4 v1, 0x1
    invoke-virtual {v0, p1, v1}, Lcom/alipay/sdk/app/PayTask;->payV2(Ljava/lang/String;Z)Ljava/util/Map;
    return-void
.end method

.method payWithWeChat(Ljava/lang/String;)V
    .locals 3
    const-string v0, "wx8a1b2c3d4e5f6a7b"
    const/4 v1, 0x0
    invoke-static {p0, v0, v1}, Lcom/tencent/mm/opensdk/openapi/WXAPIFactory;->createWXAPI(Landroid/content/Context;Ljava/lang/String;Z)Lcom/tencent/mm/opensdk/openapi/IWXAPI;
    move-result-object v0
    new-instance v1, Lcom/tencent/mm/opensdk/modelpay/PayReq;
    invoke-direct {v1}, Lcom/tencent/mm/opensdk/modelpay/PayReq;-><init>()V
    iput-object p1, v1, Lcom/tencent/mm/opensdk/modelpay/PayReq;->prepayId:Ljava/lang/String;
    invoke-interface {v0, v1}, Lcom/tencent/mm/opensdk/openapi/IWXAPI;->sendReq(Lcom/tencent/mm/opensdk/modelbase/BaseReq;)Z
    return-void
.end method
