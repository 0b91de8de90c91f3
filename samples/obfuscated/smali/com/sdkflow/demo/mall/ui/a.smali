.class final Lcom/sdkflow/demo/mall/ui/a;
.super Ljava/lang/Object;
.source "SourceFile"
.implements Landroid/view/View$OnClickListener;


.field final synthetic this$0:Lcom/sdkflow/demo/mall/ui/CheckoutActivity;

.method constructor <init>(Lcom/sdkflow/demo/mall/ui/CheckoutActivity;)V
    .locals 0
    iput-object p1, p0, Lcom/sdkflow/demo/mall/ui/a;->this$0:Lcom/sdkflow/demo/mall/ui/CheckoutActivity;
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public onClick(Landroid/view/View;)V
    .locals 2
    iget-object v0, p0, Lcom/sdkflow/demo/mall/ui/a;->this$0:Lcom/sdkflow/demo/mall/ui/CheckoutActivity;
    const-string v1, "app_id=2021000000000000&biz_content=out_trade_no.SO20261124001&sign=demo"
    invoke-virtual {v0, v1}, Lcom/sdkflow/demo/mall/ui/CheckoutActivity;->payWithAlipay(Ljava/lang/String;)V
    return-void
.end method
