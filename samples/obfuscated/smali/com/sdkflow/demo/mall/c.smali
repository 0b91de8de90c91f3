.class public final Lcom/sdkflow/demo/mall/c;
.super Ljava/lang/Object;
.source "SourceFile"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.field public static final BASE_URL:Ljava/lang/String; = "https://api.sdkflow-demo.cn/v1/"

.method public static a(Ljava/lang/String;)V
    .locals 1
    const-string v0, "https://api.sdkflow-demo.cn/v1/promo/match"
    invoke-static {v0, p0}, Lcom/sdkflow/demo/mall/c;->postJson(Ljava/lang/String;Ljava/lang/Object;)V
    return-void
.end method

.method public static b(Ljava/lang/String;)V
    .locals 1
    const-string v0, "https://api.sdkflow-demo.cn/v1/push/token"
    invoke-static {v0, p0}, Lcom/sdkflow/demo/mall/c;->postJson(Ljava/lang/String;Ljava/lang/Object;)V
    return-void
.end method

.method static postJson(Ljava/lang/String;Ljava/lang/Object;)V
    .locals 4
    new-instance v0, Lg/a;
    invoke-direct {v0}, Lg/a;-><init>()V
    invoke-virtual {v0, p1}, Lg/a;->a(Ljava/lang/Object;)Ljava/lang/String;
    move-result-object v0
    const-string v1, "application/json; charset=utf-8"
    invoke-static {v1}, Lf/f;->a(Ljava/lang/String;)Lf/f;
    move-result-object v1
    invoke-static {v1, v0}, Lf/d;->a(Lf/f;Ljava/lang/String;)Lf/d;
    move-result-object v0
    new-instance v1, Lf/c;
    invoke-direct {v1}, Lf/c;-><init>()V
    invoke-virtual {v1, p0}, Lf/c;->a(Ljava/lang/String;)Lf/c;
    move-result-object v1
    invoke-virtual {v1, v0}, Lf/c;->b(Lf/d;)Lf/c;
    move-result-object v1
    invoke-virtual {v1}, Lf/c;->c()Lf/b;
    move-result-object v1
    new-instance v2, Lf/a;
    invoke-direct {v2}, Lf/a;-><init>()V
    invoke-virtual {v2, v1}, Lf/a;->a(Lf/b;)Lf/g;
    move-result-object v2
    invoke-interface {v2}, Lf/g;->a()Lf/i;
    return-void
.end method
