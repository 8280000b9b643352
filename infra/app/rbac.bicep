// Data-plane roles for the app's two user-assigned identities: the host identity on this app's
// storage account and Application Insights component only (the Functions host and the Durable
// task hub create their containers, queues and tables at run time, so its roles are account-wide),
// and the results identity on the results container only. Assignment names are guid(scope, principal, role),
// so a redeploy finds the same assignments and changes nothing.

@description('Name of the storage account the identities use (host, task hub, deployment package; results for the results identity).')
param storageAccountName string

@description('Name of the Application Insights component the identity publishes telemetry to.')
param applicationInsightsName string

@description('Principal (object) id of the host identity (host storage, task hub, deployment package, telemetry).')
param principalId string

@description('Principal (object) id of the results identity, the app\'s own blob client.')
param resultsPrincipalId string

@description('Name of the results container, the only one the results identity may use.')
param resultsContainerName string

// Storage Blob Data Owner: host leases and Flex deployment package (the Functions host requires Owner).
var storageBlobDataOwnerRoleId = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
// Storage Queue Data Contributor: Durable Task control and work-item queues.
var storageQueueDataContributorRoleId = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
// Storage Table Data Contributor: Durable Task history and instances tables.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
// Storage Blob Data Contributor: read, write, list and delete blobs, here in the results container only.
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
// Monitoring Metrics Publisher: send telemetry to Application Insights with local auth disabled.
var monitoringMetricsPublisherRoleId = '3913510d-42f4-4e42-8a64-420c390055eb'

var storageRoleIds = [
  storageBlobDataOwnerRoleId
  storageQueueDataContributorRoleId
  storageTableDataContributorRoleId
]

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource resultsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' existing = {
  name: '${storageAccountName}/default/${resultsContainerName}'
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoleIds: {
    name: guid(storage.id, principalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// The app's results client, which reads blob names that requests give, holds a role on the results container and
// nothing else: a name that escaped the container would reach no other container of the account.
resource resultsRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resultsContainer.id, resultsPrincipalId, storageBlobDataContributorRoleId)
  scope: resultsContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributorRoleId)
    principalId: resultsPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource monitoringRoleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, principalId, monitoringMetricsPublisherRoleId)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
