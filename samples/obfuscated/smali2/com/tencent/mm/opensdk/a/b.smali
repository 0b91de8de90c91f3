.class public interface abstract Lcom/tencent/mm/opensdk/a/b;
.super Ljava/lang/Object;
.source "SourceFile"


.method public abstract a(Ljava/lang/String;)Z
.end method

.method public abstract b(Landroid/content/Intent;Lcom/tencent/mm/opensdk/a/d;)Z
.end method

.method public abstract c(Lcom/tencent/mm/opensdk/a/e;)Z
.end method

.method public abstract isWXAppInstalled()Z
.end method
