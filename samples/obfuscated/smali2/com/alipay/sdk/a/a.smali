.class public Lcom/alipay/sdk/a/a;
.super Ljava/lang/Object;
.source "SourceFile"


.field private final activity:Landroid/app/Activity;

.method public constructor <init>(Landroid/app/Activity;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lcom/alipay/sdk/a/a;->activity:Landroid/app/Activity;
    return-void
.end method

.method public a()Ljava/lang/String;
    .locals 1
    const-string v0, "15.8.11"
    return-object v0
.end method

.method public a(Ljava/lang/String;Z)Ljava/util/Map;
    .locals 4
    iget-object v0, p0, Lcom/alipay/sdk/a/a;->activity:Landroid/app/Activity;
    invoke-static {v0}, Lcom/alipay/sdk/a/b;->a(Landroid/content/Context;)Ljava/lang/String;
    move-result-object v0

    new-instance v1, Ljava/lang/StringBuilder;
    invoke-direct {v1}, Ljava/lang/StringBuilder;-><init>()V

    invoke-virtual {v1, p1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    const-string v2, "&utdid="
    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    invoke-virtual {v1, v0}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;

    invoke-virtual {v1}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v1

    const-string v2, "https://mobilegw.alipay.com/mgw.htm"
    invoke-static {v2, v1}, Lcom/alipay/sdk/a/b;->b(Ljava/lang/String;Ljava/lang/String;)V
    new-instance v3, Ljava/util/HashMap;
    invoke-direct {v3}, Ljava/util/HashMap;-><init>()V
    const-string v1, "resultStatus"
    const-string v2, "6001"
    invoke-interface {v3, v1, v2}, Ljava/util/Map;->put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;
    return-object v3
.end method
