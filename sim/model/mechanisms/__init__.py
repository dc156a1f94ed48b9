"""One module per submodel, each naming the published model it follows."""

from sim.model.mechanisms import anger, clash, grievance, mediation, policing, rumor, voting

__all__ = ["anger", "clash", "grievance", "mediation", "policing", "rumor", "voting"]
