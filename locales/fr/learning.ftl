# learning
