.class public final Lokhttp3/Response;
.super Ljava/lang/Object;
.source "Response.java"


.field public code:I

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method
