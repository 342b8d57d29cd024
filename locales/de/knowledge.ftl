# knowledge
