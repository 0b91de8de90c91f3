.class final Lcom/sdkflow/demo/shop/ui/CheckoutActivity$1;
.super Ljava/lang/Object;
.source "CheckoutClick.java"
.implements Landroid/view/View$OnClickListener;


.field final synthetic this$0:Lcom/sdkflow/demo/shop/ui/CheckoutActivity;

.method constructor <init>(Lcom/sdkflow/demo/shop/ui/CheckoutActivity;)V
    .locals 0
    iput-object p1, p0, Lcom/sdkflow/demo/shop/ui/CheckoutActivity$1;->this$0:Lcom/sdkflow/demo/shop/ui/CheckoutActivity;
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public onClick(Landroid/view/View;)V
    .locals 2
    iget-object v0, p0, Lcom/sdkflow/demo/shop/ui/CheckoutActivity$1;->this$0:Lcom/sdkflow/demo/shop/ui/CheckoutActivity;
    const-string v1, "app_id=2021000000000000&biz_content=out_trade_no.SO20261124001&sign=demo"
    invoke-virtual {v0, v1}, Lcom/sdkflow/demo/shop/ui/CheckoutActivity;->payWithAlipay(Ljava/lang/String;)V
    return-void
.end method
