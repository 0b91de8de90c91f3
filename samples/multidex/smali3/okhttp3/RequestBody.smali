.class public abstract Lokhttp3/RequestBody;
.super Ljava/lang/Object;
.source "RequestBody.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static create(Lokhttp3/MediaType;Ljava/lang/String;)Lokhttp3/RequestBody;
    .locals 2
    const-string v0, "UTF-8"
    invoke-virtual {p1, v0}, Ljava/lang/String;->getBytes(Ljava/lang/String;)[B
    move-result-object v0
    new-instance v1, Lokhttp3/RequestBody$1;
    invoke-direct {v1, p0, v0}, Lokhttp3/RequestBody$1;-><init>(Lokhttp3/MediaType;[B)V
    return-object v1
.end method

.method public abstract contentLength()J
.end method
