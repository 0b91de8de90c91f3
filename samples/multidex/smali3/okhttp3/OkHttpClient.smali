.class public Lokhttp3/OkHttpClient;
.super Ljava/lang/Object;
.source "OkHttpClient.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public newCall(Lokhttp3/Request;)Lokhttp3/Call;
    .locals 1
    new-instance v0, Lokhttp3/RealCall;
    invoke-direct {v0, p1}, Lokhttp3/RealCall;-><init>(Lokhttp3/Request;)V
    return-object v0
.end method
