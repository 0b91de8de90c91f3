.class public Lcom/sdkflow/sample/flows/FlowsApp;
.super Landroid/app/Application;
.source "FlowsApp.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Application;-><init>()V
    return-void
.end method

.method public onCreate()V
    .locals 1
    invoke-super {p0}, Landroid/app/Application;->onCreate()V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/StaticFieldStore;->save(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegStaticFieldStore;->save(Landroid/content/Context;)V
    invoke-static {}, Lcom/igexin/sdk/PushManager;->getInstance()Lcom/igexin/sdk/PushManager;
    move-result-object v0
    invoke-virtual {v0, p0}, Lcom/igexin/sdk/PushManager;->initialize(Landroid/content/Context;)V
    return-void
.end method
