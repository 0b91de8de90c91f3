.class public Lcom/sdkflow/sample/flows/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/app/Activity;-><init>()V
    return-void
.end method

.method protected onCreate(Landroid/os/Bundle;)V
    .locals 0
    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/DirectLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/InstanceFieldLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/StaticFieldLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/ArrayLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/ListLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/MapLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/StringBuilderLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/HelperLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/ThreadLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/SmsLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/FileLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/PrefsLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/IntentLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegOverwritten;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegListOtherElement;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegArrayOtherElement;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegOtherField;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegConstant;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegInstanceField;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegStaticField;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegStringBuilder;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegHelper;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegThread;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegSms;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegFile;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegPrefs;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegIntent;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegImplicit;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegMapOtherKey;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/LocationCallbackLeak;->register(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegLocationCallback;->register(Landroid/content/Context;)V
    return-void
.end method
