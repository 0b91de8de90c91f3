.class public Lokhttp3/Request$Builder;
.super Ljava/lang/Object;
.source "RequestBuilder.java"


.field body:Lokhttp3/RequestBody;
.field url:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public url(Ljava/lang/String;)Lokhttp3/Request$Builder;
    .locals 0
    iput-object p1, p0, Lokhttp3/Request$Builder;->url:Ljava/lang/String;
    return-object p0
.end method

.method public post(Lokhttp3/RequestBody;)Lokhttp3/Request$Builder;
    .locals 0
    iput-object p1, p0, Lokhttp3/Request$Builder;->body:Lokhttp3/RequestBody;
    return-object p0
.end method

.method public build()Lokhttp3/Request;
    .locals 3
    new-instance v0, Lokhttp3/Request;
    iget-object v1, p0, Lokhttp3/Request$Builder;->url:Ljava/lang/String;
    iget-object v2, p0, Lokhttp3/Request$Builder;->body:Lokhttp3/RequestBody;
    invoke-direct {v0, v1, v2}, Lokhttp3/Request;-><init>(Ljava/lang/String;Lokhttp3/RequestBody;)V
    return-object v0
.end method
