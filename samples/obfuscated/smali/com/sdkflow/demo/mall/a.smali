.class final Lcom/sdkflow/demo/mall/a;
.super Ljava/lang/Object;
.source "SourceFile"
.implements Ljava/lang/Runnable;


.field private final context:Landroid/content/Context;

.method constructor <init>(Landroid/content/Context;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lcom/sdkflow/demo/mall/a;->context:Landroid/content/Context;
    return-void
.end method

.method public run()V
    .locals 3
    iget-object v0, p0, Lcom/sdkflow/demo/mall/a;->context:Landroid/content/Context;
    invoke-static {v0}, Lcom/huawei/hms/a/a;->a(Landroid/content/Context;)Lcom/huawei/hms/a/a;
    move-result-object v0
    const-string v1, "104518237"
    const-string v2, "HCM"
    invoke-virtual {v0, v1, v2}, Lcom/huawei/hms/a/a;->b(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    if-eqz v0, :done
    invoke-static {v0}, Lcom/sdkflow/demo/mall/c;->b(Ljava/lang/String;)V
    :done
    return-void
.end method
