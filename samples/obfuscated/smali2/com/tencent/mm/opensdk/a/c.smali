.class final Lcom/tencent/mm/opensdk/a/c;
.super Ljava/lang/Object;
.source "SourceFile"
.implements Lcom/tencent/mm/opensdk/a/b;


.field private final appId:Ljava/lang/String;
.field private final context:Landroid/content/Context;

.method constructor <init>(Landroid/content/Context;Ljava/lang/String;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lcom/tencent/mm/opensdk/a/c;->context:Landroid/content/Context;
    iput-object p2, p0, Lcom/tencent/mm/opensdk/a/c;->appId:Ljava/lang/String;
    return-void
.end method

.method public a(Ljava/lang/String;)Z
    .locals 1
    invoke-virtual {p0}, Lcom/tencent/mm/opensdk/a/c;->isWXAppInstalled()Z
    move-result v0
    return v0
.end method

.method public b(Landroid/content/Intent;Lcom/tencent/mm/opensdk/a/d;)Z
    .locals 1
    const/4 v0, 0x0
    invoke-interface {p2, v0}, Lcom/tencent/mm/opensdk/a/d;->b(Lcom/tencent/mm/opensdk/a/f;)V
    const/4 v0, 0x1
    return v0
.end method

.method public c(Lcom/tencent/mm/opensdk/a/e;)Z
    .locals 1
    const/4 v0, 0x1
    return v0
.end method

.method public isWXAppInstalled()Z
    .locals 3
    iget-object v0, p0, Lcom/tencent/mm/opensdk/a/c;->context:Landroid/content/Context;
    invoke-virtual {v0}, Landroid/content/Context;->getPackageManager()Landroid/content/pm/PackageManager;
    move-result-object v0
    const-string v1, "com.tencent.mm"
    const/16 v2, 0x40
    :try_start
    invoke-virtual {v0, v1, v2}, Landroid/content/pm/PackageManager;->getPackageInfo(Ljava/lang/String;I)Landroid/content/pm/PackageInfo;
    :try_end
    .catch Landroid/content/pm/PackageManager$NameNotFoundException; {:try_start .. :try_end} :missing
    const/4 v0, 0x1
    return v0
    :missing
    const/4 v0, 0x0
    return v0
.end method
