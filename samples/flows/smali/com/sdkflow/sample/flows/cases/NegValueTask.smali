.class public Lcom/sdkflow/sample/flows/cases/NegValueTask;
.super Landroid/os/AsyncTask;
.source "NegValueTask.java"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/os/AsyncTask;-><init>()V
    return-void
.end method

.method protected varargs doInBackground([Ljava/lang/Object;)Ljava/lang/Object;
    .locals 2
    const/4 v0, 0x0
    aget-object v0, p1, v0
    check-cast v0, Ljava/lang/String;

    const-string v1, "NegAsyncTaskValue"
    invoke-static {v1, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I

    const/4 v0, 0x0
    return-object v0
.end method
