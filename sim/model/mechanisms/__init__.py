"""One module per submodel, each naming the published model it follows."""

from sim.model.mechanisms import clash, grievance, mediation, policing, rumor, voting

__all__ = ["clash", "grievance", "mediation", "policing", "rumor", "voting"]
