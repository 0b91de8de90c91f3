.class public Lcom/sdkflow/sample/flows/cases/NegLocationCallback;
.super Ljava/lang/Object;
.source "NegLocationCallback.java"
.implements Landroid/location/LocationListener;


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public static register(Landroid/content/Context;)V
    .locals 6
    const-string v0, "location"
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/String;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/location/LocationManager;
    const-string v1, "network"
    const-wide/16 v2, 0x3e8
    const/4 v4, 0x0
    new-instance v5, Lcom/sdkflow/sample/flows/cases/NegLocationCallback;
    invoke-direct {v5}, Lcom/sdkflow/sample/flows/cases/NegLocationCallback;-><init>()V
    invoke-virtual/range {v0 .. v5}, Landroid/location/LocationManager;->requestLocationUpdates(Ljava/lang/String;JFLandroid/location/LocationListener;)V
    return-void
.end method

.method public onLocationChanged(Landroid/location/Location;)V
    .locals 4
    if-eqz p1, :none
    const-string v0, "location-updated"

    new-instance v1, Ljava/net/URL;
    const-string v2, "https://collect.flows.sdkflow.example/c"
    invoke-direct {v1, v2}, Ljava/net/URL;-><init>(Ljava/lang/String;)V
    invoke-virtual {v1}, Ljava/net/URL;->openConnection()Ljava/net/URLConnection;
    move-result-object v1
    check-cast v1, Ljava/net/HttpURLConnection;
    const/4 v2, 0x1
    invoke-virtual {v1, v2}, Ljava/net/HttpURLConnection;->setDoOutput(Z)V
    invoke-virtual {v1}, Ljava/net/HttpURLConnection;->getOutputStream()Ljava/io/OutputStream;
    move-result-object v1
    invoke-virtual {v0}, Ljava/lang/String;->getBytes()[B
    move-result-object v2
    invoke-virtual {v1, v2}, Ljava/io/OutputStream;->write([B)V

    :none
    return-void
.end method

.method public onStatusChanged(Ljava/lang/String;ILandroid/os/Bundle;)V
    .locals 0
    return-void
.end method

.method public onProviderEnabled(Ljava/lang/String;)V
    .locals 0
    return-void
.end method

.method public onProviderDisabled(Ljava/lang/String;)V
    .locals 0
    return-void
.end method
