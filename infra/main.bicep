// SweepFunctions infrastructure. This file only wires the modules in app/ together;
// each module covers one concern. Deploy into an existing resource group:
//   az deployment group create --resource-group <rg> --template-file infra/main.bicep --parameters infra/main.bicepparam
targetScope = 'resourceGroup'

@description('Short environment name (for example dev or prod); it seeds the unique suffix of every resource name.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region for all resources. It must offer the Flex Consumption plan.')
@minLength(1)
param location string = resourceGroup().location

@description('Memory of each function app instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the function app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Replication SKU of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Blob container for sweep results (app setting SweepResults__Container).')
@minLength(3)
@maxLength(63)
param resultsContainerName string = 'sweeps'

@description('Durable task hub name (app setting TASKHUB_NAME): 3-45 letters and digits, starting with a letter.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'SweepHub'

@description('NCRONTAB expression for scheduled recalibration (app setting Sweep__ScheduleCron); empty turns it off.')
param scheduleCron string = ''

@description('Candidates times seeds evaluated by one activity call until the measured time sizes the batches (app setting Sweep__EvaluationBatchSize).')
@minValue(1)
@maxValue(1000)
param evaluationBatchSize int = 50

@description('Evaluator endpoints a sweep request may name, each {name, url, audience?, keyVaultSecretUri?} (app settings Sweep__Evaluators__<name>__*).')
param evaluators array = []

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(resourceGroup().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'SweepFunctions'
}
var functionAppName = '${abbrs.webSitesFunctions}sweep-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'

module identity 'app/identity.bicep' = {
  name: 'identity'
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}sweep-${resourceToken}'
    location: location
    tags: tags
  }
}

// The app's own blob client runs as this identity, which may use the results container and nothing else.
module resultsIdentity 'app/identity.bicep' = {
  name: 'resultsIdentity'
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}sweep-results-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    resultsContainerName: resultsContainerName
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    principalId: identity.outputs.principalId
    resultsPrincipalId: resultsIdentity.outputs.principalId
    resultsContainerName: storage.outputs.resultsContainerName
  }
}

module functionApp 'app/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    resultsIdentityId: resultsIdentity.outputs.id
    resultsIdentityClientId: resultsIdentity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    resultsContainerName: storage.outputs.resultsContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    taskHubName: taskHubName
    scheduleCron: scheduleCron
    evaluationBatchSize: evaluationBatchSize
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    evaluators: evaluators
  }
  // Start the host only after its identity holds the storage roles.
  dependsOn: [
    rbac
  ]
}

output FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_HOST_NAME string = functionApp.outputs.defaultHostName
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output RESULTS_CONTAINER_NAME string = storage.outputs.resultsContainerName
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
