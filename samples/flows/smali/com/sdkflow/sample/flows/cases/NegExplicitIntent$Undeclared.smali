.class public Lcom/sdkflow/sample/flows/cases/NegExplicitIntent$Undeclared;
.super Landroid/app/Activity;
.source "NegExplicitIntent.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method
