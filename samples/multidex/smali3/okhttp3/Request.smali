.class public final Lokhttp3/Request;
.super Ljava/lang/Object;
.source "Request.java"


.field final body:Lokhttp3/RequestBody;
.field final url:Ljava/lang/String;

.method constructor <init>(Ljava/lang/String;Lokhttp3/RequestBody;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lokhttp3/Request;->url:Ljava/lang/String;
    iput-object p2, p0, Lokhttp3/Request;->body:Lokhttp3/RequestBody;
    return-void
.end method
