using 'main.bicep'

// Required: seeds the unique suffix of every resource name.
param environmentName = 'dev'

// Optional overrides (defaults shown):
// param location = 'swedencentral'          // default: the resource group's location
// param instanceMemoryMB = 2048             // 512, 2048 or 4096
// param maximumInstanceCount = 100          // 1-1000
// param storageSkuName = 'Standard_LRS'
// param resultsContainerName = 'sweeps'
// param taskHubName = 'SweepHub'
// param scheduleCron = '0 0 3 * * 1'        // NCRONTAB (with seconds); empty = no scheduled recalibration
// param evaluationBatchSize = 50
// param logRetentionInDays = 30
// param evaluators = [                      // user models a sweep request may name ("evaluator": "mymodel")
//   { name: 'mymodel', url: 'https://mymodel.example.net/', audience: 'api://mymodel' }
// ]
