// Flex Consumption (FC1) plan and the Linux function app that runs SweepFunctions
// (.NET isolated worker, Durable Functions on the Azure Storage provider).
// Every connection is identity-based: the app runs as two user-assigned identities and the
// settings below carry only endpoints and the identities' client ids, never a key. The host
// identity reaches the host's storage, the task hub, the deployment package and Application
// Insights; the results identity reaches the results container only, so the app's own blob
// client, which reads the blob names requests give, cannot touch any other container.

@description('Name of the function app; also the first label of its host name.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region for the plan and the app. It must offer Flex Consumption.')
param location string

@description('Tags applied to the plan and the app.')
param tags object = {}

@description('Resource id of the user-assigned managed identity the app runs as.')
param identityId string

@description('Client id of the same identity, used by the host and Application Insights.')
param identityClientId string

@description('Resource id of the user-assigned identity of the results client (results container only).')
param resultsIdentityId string

@description('Client id of the results identity (app setting SweepResults__ClientId).')
param resultsIdentityClientId string

@description('Blob service endpoint of the storage account (ends with a slash).')
param blobEndpoint string

@description('Queue service endpoint of the storage account.')
param queueEndpoint string

@description('Table service endpoint of the storage account.')
param tableEndpoint string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Blob container the app writes sweep results to.')
param resultsContainerName string

@description('Name of the Application Insights component that receives telemetry.')
param applicationInsightsName string

@description('Durable task hub name (letters and digits, starting with a letter).')
param taskHubName string

@description('NCRONTAB expression for scheduled recalibration; empty turns the schedule off.')
param scheduleCron string

@description('Days a finished sweep\'s durable history is kept before the daily purge (app setting Sweep__PurgeAfterDays).')
@minValue(1)
param purgeAfterDays int = 30

@description('Candidates times seeds evaluated by one activity call.')
@minValue(1)
param evaluationBatchSize int

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('An evaluator endpoint a sweep request may name (app settings Sweep__Evaluators__<name>__*): the user\'s model behind the HTTP protocol. Give audience for an Entra token of the app\'s identity, or keyVaultSecretUri for a key kept in Key Vault (the identity needs Key Vault Secrets User on it).')
type evaluatorEndpoint = {
  @description('The name a sweep request gives in its evaluator field.')
  name: string
  @description('The endpoint\'s https base address; describe and evaluate are below it.')
  url: string
  @description('The Microsoft Entra audience (application ID URI) the app\'s identity gets a token for.')
  audience: string?
  @description('The Key Vault secret URI holding the endpoint\'s key, read as a Key Vault reference.')
  keyVaultSecretUri: string?
}

@description('The evaluator endpoints a sweep request may name; none by default (the built-in model only).')
param evaluators evaluatorEndpoint[] = []

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Host storage and the Durable Task Azure Storage provider (connection name AzureWebJobsStorage).
var hostStorageSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
}

// Read by host.json as %TASKHUB_NAME%.
var durableSettings = {
  TASKHUB_NAME: taskHubName
}

// ResultsStorageOptions: the results client uses DefaultAzureCredential with the results identity's client id.
var resultsSettings = {
  SweepResults__ServiceUri: blobEndpoint
  SweepResults__ClientId: resultsIdentityClientId
  SweepResults__Container: resultsContainerName
}

// A timer trigger needs a valid schedule even when it is off, so an empty schedule keeps a placeholder and
// disables the function through the host's standard AzureWebJobs.<function>.Disabled setting.
var sweepSettings = {
  Sweep__ScheduleCron: empty(scheduleCron) ? '0 0 0 1 1 *' : scheduleCron
  Sweep__EvaluationBatchSize: string(evaluationBatchSize)
  'AzureWebJobs.ScheduledRecalibration.Disabled': empty(scheduleCron) ? 'true' : 'false'
  // Finished sweeps' durable histories are purged daily after this many days; their results stay in the container.
  Sweep__PurgeCron: '0 30 3 * * *'
  Sweep__PurgeAfterDays: string(purgeAfterDays)
}

// Evaluator endpoints: the request names one, never an address; the token or key is made by the app, never sent by a caller.
var evaluatorSettings = reduce(evaluators, {}, (settings, e) => union(
  settings,
  { 'Sweep__Evaluators__${e.name}__Url': e.url },
  empty(e.?audience ?? '') ? {} : {
    'Sweep__Evaluators__${e.name}__Audience': e.audience!
    'Sweep__Evaluators__${e.name}__ClientId': identityClientId
  },
  empty(e.?keyVaultSecretUri ?? '') ? {} : { 'Sweep__Evaluators__${e.name}__Key': '@Microsoft.KeyVault(SecretUri=${e.keyVaultSecretUri!})' }
))

// The connection string only locates the component; it is not a key. Local auth is off,
// so the SDK must authenticate with the identity (Authorization=AAD).
var monitoringSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

// Flex Consumption takes the runtime from functionAppConfig.runtime; FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE must not be set as app settings.
var appSettings = union(hostStorageSettings, durableSettings, resultsSettings, sweepSettings, evaluatorSettings, monitoringSettings)

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
      '${resultsIdentityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (an evaluator's key) resolve with the app's identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: appSettings
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
