.class public interface abstract La/b/c;
.super Ljava/lang/Object;
.source "SourceFile"


.method public abstract a(La/b/d;)V
.end method
