.class public interface abstract Lcom/sdkflow/sample/flows/ValueSource;
.super Ljava/lang/Object;
.source "ValueSource.java"

.method public abstract getValue(Landroid/content/Context;)Ljava/lang/String;
.end method
