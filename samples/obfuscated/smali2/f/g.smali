.class public interface abstract Lf/g;
.super Ljava/lang/Object;
.source "SourceFile"


.method public abstract a()Lf/i;
.end method
