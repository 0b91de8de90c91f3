.class public final Lcom/sdkflow/demo/shop/net/ShopApi;
.super Ljava/lang/Object;
.source "ShopApi.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.field public static final BASE_URL:Ljava/lang/String; = "https://api.sdkflow-demo.cn/v1/"

.method public static reportPromo(Ljava/lang/String;)V
    .locals 1
    const-string v0, "https://api.sdkflow-demo.cn/v1/promo/match"
    invoke-static {v0, p0}, Lcom/sdkflow/demo/shop/net/ShopApi;->postJson(Ljava/lang/String;Ljava/lang/Object;)V
    return-void
.end method

.method public static uploadPushToken(Ljava/lang/String;)V
    .locals 1
    const-string v0, "https://api.sdkflow-demo.cn/v1/push/token"
    invoke-static {v0, p0}, Lcom/sdkflow/demo/shop/net/ShopApi;->postJson(Ljava/lang/String;Ljava/lang/Object;)V
    return-void
.end method

.method static postJson(Ljava/lang/String;Ljava/lang/Object;)V
    .locals 4
    new-instance v0, Lcom/google/gson/Gson;
    invoke-direct {v0}, Lcom/google/gson/Gson;-><init>()V
    invoke-virtual {v0, p1}, Lcom/google/gson/Gson;->toJson(Ljava/lang/Object;)Ljava/lang/String;
    move-result-object v0
    const-string v1, "application/json; charset=utf-8"
    invoke-static {v1}, Lokhttp3/MediaType;->parse(Ljava/lang/String;)Lokhttp3/MediaType;
    move-result-object v1
    invoke-static {v1, v0}, Lokhttp3/RequestBody;->create(Lokhttp3/MediaType;Ljava/lang/String;)Lokhttp3/RequestBody;
    move-result-object v0
    new-instance v1, Lokhttp3/Request$Builder;
    invoke-direct {v1}, Lokhttp3/Request$Builder;-><init>()V
    invoke-virtual {v1, p0}, Lokhttp3/Request$Builder;->url(Ljava/lang/String;)Lokhttp3/Request$Builder;
    move-result-object v1
    invoke-virtual {v1, v0}, Lokhttp3/Request$Builder;->post(Lokhttp3/RequestBody;)Lokhttp3/Request$Builder;
    move-result-object v1
    invoke-virtual {v1}, Lokhttp3/Request$Builder;->build()Lokhttp3/Request;
    move-result-object v1
    new-instance v2, Lokhttp3/OkHttpClient;
    invoke-direct {v2}, Lokhttp3/OkHttpClient;-><init>()V
    invoke-virtual {v2, v1}, Lokhttp3/OkHttpClient;->newCall(Lokhttp3/Request;)Lokhttp3/Call;
    move-result-object v2
    invoke-interface {v2}, Lokhttp3/Call;->execute()Lokhttp3/Response;
    return-void
.end method
