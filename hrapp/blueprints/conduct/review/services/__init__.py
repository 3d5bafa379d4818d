"""The review's services: the person's response, HR's and the general manager's decisions, the measure a final
violation carries, and the acknowledgement by silence `tick` applies. None commits; the actor is passed in."""
