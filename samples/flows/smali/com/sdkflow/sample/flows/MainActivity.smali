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
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/FormatterLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegFormatter;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/ArrayCopyLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegArrayCopy;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/FieldListenerLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/AsyncTaskLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegAsyncTask;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/HandlerLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegHandler;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/ExecLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegExec;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/FillLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegFill;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/InheritSub;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegInheritSub;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/ExceptionLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegException;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/StoreLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegStoreOverwritten;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/ReflTarget$Starter;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/DispatchLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegDispatch;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/PasswordFieldLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegPasswordField;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/ExplicitIntentLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegExplicitIntent;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/RegisteredListenerLeak;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegUnregisteredListener;->run(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/LocationCallbackLeak;->register(Landroid/content/Context;)V
    invoke-static {p0}, Lcom/sdkflow/sample/flows/cases/NegLocationCallback;->register(Landroid/content/Context;)V
    return-void
.end method

.method public onSendClick(Landroid/view/View;)V
    .locals 2

    const-string v1, "phone"
    invoke-virtual {p0, v1}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v1
    check-cast v1, Landroid/telephony/TelephonyManager;
    invoke-virtual {v1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0

    const-string v1, "LayoutClick"
    invoke-static {v1, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method

.method public onOtherClick(Landroid/view/View;)V
    .locals 2

    const-string v1, "phone"
    invoke-virtual {p0, v1}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v1
    check-cast v1, Landroid/telephony/TelephonyManager;
    invoke-virtual {v1}, Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;
    move-result-object v0

    const-string v1, "NegLayoutClick"
    invoke-static {v1, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    return-void
.end method
