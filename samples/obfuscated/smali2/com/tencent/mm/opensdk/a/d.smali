.class public interface abstract Lcom/tencent/mm/opensdk/a/d;
.super Ljava/lang/Object;
.source "SourceFile"


.method public abstract a(Lcom/tencent/mm/opensdk/a/e;)V
.end method

.method public abstract b(Lcom/tencent/mm/opensdk/a/f;)V
.end method
