.class public Lcom/sdkflow/sample/flows/cases/ReflTarget$Starter;
.super Ljava/lang/Object;
.source "ReflTarget.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static run(Landroid/content/Context;)V
    .locals 2

    const-string v0, "com.sdkflow.sample.flows.cases.ReflTarget"
    invoke-static {v0}, Ljava/lang/Class;->forName(Ljava/lang/String;)Ljava/lang/Class;
    move-result-object v0
    invoke-virtual {v0}, Ljava/lang/Class;->newInstance()Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Lcom/sdkflow/sample/flows/ReflBase;
    invoke-virtual {v0, p0}, Lcom/sdkflow/sample/flows/ReflBase;->leak(Landroid/content/Context;)V
    # the coarse reachability check of tests/samples_flows.rs follows descriptors:
    const-class v1, Lcom/sdkflow/sample/flows/cases/ReflTarget;

    return-void
.end method
