.class public abstract Lcom/tencent/mm/opensdk/a/e;
.super Ljava/lang/Object;
.source "SourceFile"


.field public transaction:Ljava/lang/String;

.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method
