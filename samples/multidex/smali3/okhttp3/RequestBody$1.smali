.class final Lokhttp3/RequestBody$1;
.super Lokhttp3/RequestBody;
.source "RequestBodyImpl.java"


.field final content:[B
.field final contentType:Lokhttp3/MediaType;

.method constructor <init>(Lokhttp3/MediaType;[B)V
    .locals 0
    invoke-direct {p0}, Lokhttp3/RequestBody;-><init>()V
    iput-object p1, p0, Lokhttp3/RequestBody$1;->contentType:Lokhttp3/MediaType;
    iput-object p2, p0, Lokhttp3/RequestBody$1;->content:[B
    return-void
.end method

.method public contentLength()J
    .locals 2
    iget-object v0, p0, Lokhttp3/RequestBody$1;->content:[B
    array-length v0, v0
    int-to-long v0, v0
    return-wide v0
.end method
